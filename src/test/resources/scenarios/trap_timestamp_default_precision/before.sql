CREATE TABLE visit (id bigint PRIMARY KEY, seen_at timestamp, seen_tz timestamptz);
