"""Learning from real interviews: debriefs, patterns, company profiles, stories, prep sheets."""
