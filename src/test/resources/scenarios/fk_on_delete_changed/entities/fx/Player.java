package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

@Entity
@Table(name = "player")
public class Player {
  @Id Long id;
  @ManyToOne @OnDelete(action = OnDeleteAction.SET_NULL)
  @JoinColumn(name = "team_id", foreignKey = @ForeignKey(name = "fk_player_team")) Team team;
}
