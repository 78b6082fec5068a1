package fx;

import jakarta.persistence.*;

@Embeddable
public class Address {
  @Column(length = 100) String street;
  @Column(length = 40, nullable = false) String city;
}
