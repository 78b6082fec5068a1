package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "child")
public class Child {
  @Id Long id;
  @ManyToOne @JoinColumn(name = "parent_id", foreignKey = @ForeignKey(name = "fk_child_parent")) Parent parent;
}
