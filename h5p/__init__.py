"""BOUNCE's own H5P integration (the role the design card gave to ``django-h5p``).

Upload: ``forms``/``admin_views`` -> ``validation`` (zip directory and metadata only) ->
``services.import_package`` (stream into a temporary folder, rows, atomic rename).
Play: ``blocks.H5PActivityBlock`` / ``templates/h5p/includes/embed.html`` put a sandboxed iframe
(opaque origin) on the page; ``static/h5p/bridge.js`` starts players one after another and
relays results to ``views.xapi`` / ``views.state`` with the page's session and CSRF token.
Results: ``services.record_statement`` (Moodle's attempt model), ``selectors``/``reports``.
Learners are opaque keys from ``learners.resolve_learner``; nothing here imports lessons or schools.
"""
