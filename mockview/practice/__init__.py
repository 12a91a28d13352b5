"""Practice sessions: choosing questions, the session engine, the line-mode front end."""
