package fx.inh;

import jakarta.persistence.*;

@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
public abstract class Animal {
  @Id @GeneratedValue Long id;
  String name;
}
