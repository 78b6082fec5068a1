No changes detected
