"""BOUNCE's own H5P integration (the role the design card gave to ``django-h5p``).

Upload: ``forms``/``admin_views`` -> ``validation`` (zip directory and metadata only) ->
``services.import_package`` (stream into the package ``storage``, outside MEDIA_ROOT; rows last).
Play: ``blocks.H5PActivityBlock`` / ``h5p/includes/embed.html`` (context from ``embed``) put a
sandboxed iframe (opaque origin) on the page; ``static/h5p/bridge.js`` starts players one after
another and relays results to ``views.xapi`` / ``views.state`` with the page's session and a
CSRF token it reads from the cookie (or ``views.csrf_token``), so the page HTML is cacheable.
Results: ``xapi`` parses each post once, ``ratelimit`` caps them, ``services.record_statement``
stores them (Moodle's attempt model), ``selectors``/``reports`` aggregate. See ``docs/h5p.md``.
Learners are opaque keys from ``learners.resolve_learner``; nothing here imports lessons or schools.
"""
