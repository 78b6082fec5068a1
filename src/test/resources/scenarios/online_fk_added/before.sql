CREATE TABLE team (id bigint PRIMARY KEY);
CREATE TABLE player (id bigint PRIMARY KEY, team_id bigint);
CREATE INDEX ix_player_team ON player (team_id);
INSERT INTO team SELECT g FROM generate_series(1, 10) g;
INSERT INTO player SELECT g, g % 10 + 1 FROM generate_series(1, 500) g;
ANALYZE team;
ANALYZE player;
