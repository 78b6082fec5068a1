package fx.od;

import jakarta.persistence.*;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

@Entity
@Table(name = "players")
public class Player {
  @Id Long id;
  @ManyToOne(optional = false) @OnDelete(action = OnDeleteAction.CASCADE)
  @JoinColumn(name = "team_id", foreignKey = @ForeignKey(name = "fk_players_team")) Team team;
  @ManyToOne @OnDelete(action = OnDeleteAction.SET_NULL) @JoinColumn(name = "captain_of") Team captainOf;
}
