package fx;

import jakarta.persistence.*;
import java.util.UUID;

@Entity
@Table(name = "device")
public class Device {
  @Id Long id;
  @Column(nullable = false) UUID serial;
}
