"""Settings package: ``base`` is secure by default; ``dev`` and ``test`` only loosen it;
``production`` reads everything from the environment and refuses to start without it."""
