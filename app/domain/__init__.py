"""The domain: offices, periods, templates and indicators, values, narrative, validation, number formatting."""
