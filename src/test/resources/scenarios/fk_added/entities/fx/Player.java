package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "player")
public class Player {
  @Id Long id;
  @ManyToOne @JoinColumn(name = "team_id", foreignKey = @ForeignKey(name = "fk_player_team")) Team team;
}
