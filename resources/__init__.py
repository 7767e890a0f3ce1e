"""JudgePanel's data files: built-in awards, the leadership framework, fonts, icons, demo data."""
