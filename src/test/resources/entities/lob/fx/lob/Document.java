package fx.lob;

import jakarta.persistence.*;

@Entity
public class Document {
  @Id Long id;
  @Lob String body;
  @Lob byte[] scan;
}
