package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "player", indexes = @Index(name = "ix_player_team", columnList = "team_id"))
public class Player {
  @Id Long id;
  @ManyToOne @JoinColumn(name = "team_id", foreignKey = @ForeignKey(name = "fk_player_team")) Team team;
}
