package fx;

import jakarta.persistence.*;

@Entity
@Table(
    name = "player",
    indexes = @Index(name = "ix_player_name", columnList = "name"),
    uniqueConstraints = @UniqueConstraint(name = "uq_player_code", columnNames = "code"))
public class Player {
  @Id Long id;
  String name;
  String code;
  @ManyToOne @JoinColumn(name = "team_id", foreignKey = @ForeignKey(name = "fk_player_team")) Team team;
}
