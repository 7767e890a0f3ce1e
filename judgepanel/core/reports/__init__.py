"""What leaves the panel room: the ranked report, entrants' feedback, exports, certificates.

`report_data(store)` reads the panel once into plain data; the renderers take that data, so
they can run off the GUI thread and be timed on their own. Each takes an optional
`progress(done, total, message)` callback (judgepanel.core.progress).
"""
