"""Language data files (TOML) read by the parser."""
