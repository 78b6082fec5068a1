CREATE TABLE counter (id bigint PRIMARY KEY, hits integer NOT NULL, small_hits smallint);
INSERT INTO counter VALUES (1, 2147483647, 32767);
