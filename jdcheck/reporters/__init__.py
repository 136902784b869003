"""Reporters: turn results into text, JSON and other formats. They depend on result types only."""
