"""The rule language: parse, validate and print rule files (grammar in grammar/, rules in
rules/)."""
