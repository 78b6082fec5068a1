package fx.inh;

import jakarta.persistence.*;

@Entity
@DiscriminatorValue("DOG")
public class Dog extends Animal {
  boolean barks;
}
