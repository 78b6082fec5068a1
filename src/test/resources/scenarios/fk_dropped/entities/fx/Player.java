package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "player")
public class Player {
  @Id Long id;
  @Column(name = "team_id") Long teamId;
}
