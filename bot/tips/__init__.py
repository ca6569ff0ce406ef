"""Daily service tips: per-channel schedules, the shuffled rotation, the post and its feedback."""
