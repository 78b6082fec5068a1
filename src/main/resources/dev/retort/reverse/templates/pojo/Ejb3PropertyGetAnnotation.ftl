<#-- Retort's override. Hibernate Tools' own annotations for ids and many-to-ones; the column
     written here (uniqueness is the table's: its named constraints and indexes): a length for strings only, a precision and scale for decimals only, "text" kept
     as text; then what Hibernate Tools does not read (defaults, comments, JSON and enum types, ON
     DELETE) from RetortStrategy's meta attributes. -->
<#-- Hibernate Tools writes name="x"; Retort's annotations, like google-java-format, name = "x". -->
<#function spaced text>
<#return text?trim?replace("([A-Za-z])=", "$1 = ", "r")>
</#function>
<#assign isId = pojo.hasIdentifierProperty() && property.equals(clazz.identifierProperty)>
<#if isId>
    ${spaced(pojo.generateAnnIdGenerator())?replace("\\s*\n\\s*", "\n    ", "r")}
</#if>
<#if c2h.isManyToOne(property)>
    ${spaced(pojo.generateManyToOneAnnotation(property))}
    ${spaced(pojo.generateJoinColumnsAnnotation(property, md))}
<#assign joinColumn = property.getColumns()[0].name>
<#if clazz.getMetaAttribute("retort-on-delete")??>
<#list clazz.getMetaAttribute("retort-on-delete").getValues() as onDelete>
<#if onDelete?keep_before("|") == joinColumn>
    @${pojo.importType("org.hibernate.annotations.OnDelete")}(action = ${pojo.importType("org.hibernate.annotations.OnDeleteAction")}.${onDelete?keep_after("|")})
</#if>
</#list>
</#if>
<#elseif property.isComposite()>
    ${spaced(pojo.generateAnnColumnAnnotation(property))}
<#else>
<#assign column = property.getColumns()[0]>
<#assign javaType = pojo.getJavaTypeName(property, jdk5)>
    @${pojo.importType("jakarta.persistence.Column")}(name = "${column.name}"<#if !column.isNullable() && !isId>, nullable = false</#if><#if c2j.hasMetaAttribute(property, "retort-text")>, columnDefinition = "text"<#elseif javaType == "String" && column.getLength()??>, length = ${column.getLength()?c}</#if><#if javaType == "BigDecimal" && column.getPrecision()??>, precision = ${column.getPrecision()?c}, scale = ${(column.getScale()!0)?c}</#if>)
<#if c2j.hasMetaAttribute(property, "retort-enum")>
    @${pojo.importType("jakarta.persistence.Enumerated")}(${pojo.importType("jakarta.persistence.EnumType")}.STRING)
    @${pojo.importType("org.hibernate.annotations.JdbcTypeCode")}(${pojo.importType("org.hibernate.type.SqlTypes")}.NAMED_ENUM)
</#if>
<#if c2j.hasMetaAttribute(property, "retort-json")>
    @${pojo.importType("org.hibernate.annotations.JdbcTypeCode")}(${pojo.importType("org.hibernate.type.SqlTypes")}.JSON)
</#if>
<#if c2j.hasMetaAttribute(property, "retort-default")>
    @${pojo.importType("org.hibernate.annotations.ColumnDefault")}("${c2j.getMetaAsString(property, "retort-default")?j_string}")
</#if>
<#if c2j.hasMetaAttribute(property, "retort-comment")>
    @${pojo.importType("org.hibernate.annotations.Comment")}("${c2j.getMetaAsString(property, "retort-comment")?j_string}")
</#if>
</#if>
