"""The operator's work on a report: the entry sheet, issuing, derived periods, template editing, settings."""
