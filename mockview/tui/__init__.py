"""The Textual app: one client of the session driver, the store and the analysis.

- ``app.py``: start-up (history, banks in a worker, the start screen),
  the ``open`` action, the palette, and the ``@on`` handlers of flow events.
- ``services.py``: the :class:`~mockview.tui.services.Services` every screen
  is given in its constructor (no Textual in it).
- ``places.py``: home's destinations, one entry each.
- ``session_flow.py``: the sitting's driver and which screen comes next.
- ``messages.py``: what screens post (flow events) and what the app tells them.
- ``launch.py``: the start screen and the ``ExitReport`` the app returns.
- ``screens/``: one file a screen; ``widgets/``: reusable widgets.

A keystroke in the question screen becomes a call on the
:class:`~mockview.practice.driver.SessionDriver` (which analyses and stores
the answer), then a message (``AnswerSubmitted``) the app hands to the flow,
which returns the next screen. A new home destination is one
:class:`~mockview.tui.places.Place` plus its screen file.
"""
