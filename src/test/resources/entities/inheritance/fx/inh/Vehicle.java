package fx.inh;

import jakarta.persistence.*;

@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Vehicle {
  @Id Long id;
  int wheels;
}
