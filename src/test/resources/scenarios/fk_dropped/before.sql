CREATE TABLE team (id bigint PRIMARY KEY);
CREATE TABLE player (id bigint PRIMARY KEY, team_id bigint);
ALTER TABLE player ADD CONSTRAINT fk_player_team FOREIGN KEY (team_id) REFERENCES team (id);
