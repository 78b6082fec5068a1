package fx.col;

import jakarta.persistence.*;
import java.util.Set;

@Entity
@Table(name = "roles")
public class Role {
  @Id Long id;
  String name;
  @ManyToMany(mappedBy = "roles") Set<Member> members;
}
