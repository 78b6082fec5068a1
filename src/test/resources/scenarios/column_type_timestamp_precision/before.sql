CREATE TABLE visit (id bigint PRIMARY KEY, seen_at timestamp(0), left_at timestamp(6));
INSERT INTO visit VALUES (1, '2026-01-01 10:00:00', '2026-01-01 11:00:00.123456');
