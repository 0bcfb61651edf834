"""Bundled data: report templates, the sample report, fonts, icons, translations."""
