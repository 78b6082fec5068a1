package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

@Entity
public class Player {
  @Id Long id;
  @ManyToOne(optional = false) @OnDelete(action = OnDeleteAction.CASCADE)
  @JoinColumn(name = "team_id", foreignKey = @ForeignKey(name = "FKhashed123")) Team team;
}
