package fx.inh;

import jakarta.persistence.*;

@Entity
@PrimaryKeyJoinColumn(name = "vehicle_id")
public class Car extends Vehicle {
  String plate;
}
