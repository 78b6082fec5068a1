package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "truck")
@PrimaryKeyJoinColumn(name = "id", foreignKey = @ForeignKey(name = "fk_truck_vehicle"))
public class Truck extends Vehicle {
  @Column(name = "payload_kg") Integer payloadKg;
}
