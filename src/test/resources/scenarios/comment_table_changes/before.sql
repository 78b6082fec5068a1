CREATE TABLE a_new (id bigint PRIMARY KEY);
CREATE TABLE b_changed (id bigint PRIMARY KEY);
COMMENT ON TABLE b_changed IS 'Old words';
CREATE TABLE c_removed (id bigint PRIMARY KEY);
COMMENT ON TABLE c_removed IS 'Going away';
