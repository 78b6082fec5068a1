CREATE TABLE member (id bigint PRIMARY KEY, email varchar(255), club varchar(40), num integer);
INSERT INTO member SELECT g, 'm' || g || '@example.org', 'club' || (g % 5), g FROM generate_series(1, 500) g;
ANALYZE member;
