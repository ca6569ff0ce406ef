"""The de-escalation guide: step cards, scenario lookup and hold timers (no Slack imports)."""
