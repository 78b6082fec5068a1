-- Retort downgrade: n6 -> b2

SET standard_conforming_strings = on;

-- Running downgrade n6: M6_Seed

BEGIN;

DELETE FROM users WHERE id IN (1, 2);

DELETE FROM retort_version;

INSERT INTO retort_version (version_num) VALUES ('m5');

INSERT INTO retort_version_history (version_num, direction, message, duration_ms) VALUES ('n6', 'downgrade', 'M6_Seed', NULL);

COMMIT;

-- Running downgrade m5: M5_Merge

BEGIN;

DELETE FROM retort_version;

INSERT INTO retort_version (version_num) VALUES ('c3'), ('d4');

INSERT INTO retort_version_history (version_num, direction, message, duration_ms) VALUES ('m5', 'downgrade', 'M5_Merge', NULL);

COMMIT;

-- Running downgrade d4: M4_EmailIndex

BEGIN;

DROP INDEX ix_users_email;

DELETE FROM retort_version;

INSERT INTO retort_version (version_num) VALUES ('c3');

INSERT INTO retort_version_history (version_num, direction, message, duration_ms) VALUES ('d4', 'downgrade', 'M4_EmailIndex', NULL);

COMMIT;

-- Running downgrade c3: M3_Posts

BEGIN;

DROP TABLE posts;

DELETE FROM retort_version;

INSERT INTO retort_version (version_num) VALUES ('b2');

INSERT INTO retort_version_history (version_num, direction, message, duration_ms) VALUES ('c3', 'downgrade', 'M3_Posts', NULL);

COMMIT;

