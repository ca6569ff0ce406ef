"""The local console: a REPL driving the real Bolt app against a fake Slack on 127.0.0.1.

Imported only when the console runs (`python -m bot console`) and by the tests.
"""
