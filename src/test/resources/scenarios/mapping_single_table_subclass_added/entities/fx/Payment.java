package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "payment")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
public class Payment {
  @Id Long id;
  Integer amount;
}
