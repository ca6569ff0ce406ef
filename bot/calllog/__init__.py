"""The difficult-call log: records, their storage, and the rules around them."""
