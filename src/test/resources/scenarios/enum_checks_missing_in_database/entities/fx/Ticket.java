package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "ticket")
public class Ticket {
  public enum Priority { LOW, MID, HIGH }

  public enum Status { OPEN, CLOSED }

  public enum Channel { MAIL, PHONE }

  /** Stored by its own converter: Hibernate still guards it with a check of the names. */
  @Converter
  public static class ChannelConverter implements AttributeConverter<Channel, String> {
    @Override
    public String convertToDatabaseColumn(Channel channel) {
      return channel == null ? null : channel.name();
    }

    @Override
    public Channel convertToEntityAttribute(String value) {
      return value == null ? null : Channel.valueOf(value);
    }
  }

  @Id Long id;
  @Enumerated(EnumType.ORDINAL) Priority priority;
  @Enumerated(EnumType.STRING) Status status;
  @Convert(converter = ChannelConverter.class) Channel channel;
}
