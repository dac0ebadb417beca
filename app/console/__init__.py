"""The staff and organiser console: static pages served by the app at /console (issue 13).

Everything the console does is a call to the /v1 API with the key the user pasted; this package
only serves files, so the console can never do more than the key can do with curl."""
