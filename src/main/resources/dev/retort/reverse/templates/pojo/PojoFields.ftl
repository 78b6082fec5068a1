<#-- Retort's override: one field a line, four spaces in. -->
<#list pojo.getAllPropertiesIterator() as field>
<#if pojo.getMetaAttribAsBool(field, "gen-property", true)>
    ${pojo.getFieldModifiers(field)} ${pojo.getJavaTypeName(field, jdk5)} ${c2j.keyWordCheck(field.name)};
</#if>
</#list>
