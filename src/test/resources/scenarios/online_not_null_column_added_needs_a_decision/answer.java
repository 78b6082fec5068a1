op.backfill("users", "nickname", "'user ' || id");
