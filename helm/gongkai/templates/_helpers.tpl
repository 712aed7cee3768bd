{{/*
Chart name.
*/}}
{{- define "gongkai.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Full name: the prefix of every resource name.
*/}}
{{- define "gongkai.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "gongkai.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Labels on every resource.
*/}}
{{- define "gongkai.labels" -}}
helm.sh/chart: {{ include "gongkai.chart" . }}
{{ include "gongkai.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: gongkai
{{- end -}}

{{- define "gongkai.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gongkai.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/*
Component name of a service key: tenantAdmin -> tenant-admin.
*/}}
{{- define "gongkai.componentName" -}}
{{- kebabcase . -}}
{{- end -}}

{{/*
Labels of one component. Call with (dict "root" $ "component" "tenants").
*/}}
{{- define "gongkai.componentLabels" -}}
{{ include "gongkai.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "gongkai.componentSelectorLabels" -}}
{{ include "gongkai.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/*
Resource name of one component: <fullname>-<component>.
*/}}
{{- define "gongkai.componentFullname" -}}
{{- printf "%s-%s" (include "gongkai.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "gongkai.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "gongkai.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "gongkai.configMapName" -}}
{{- printf "%s-config" (include "gongkai.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
The Secret the services read: the existing one, or the one this chart creates.
*/}}
{{- define "gongkai.secretName" -}}
{{- if .Values.secrets.existingSecret -}}
{{- .Values.secrets.existingSecret -}}
{{- else -}}
{{- include "gongkai.fullname" . -}}
{{- end -}}
{{- end -}}

{{/*
The Secret the migration Job reads. A pre-install hook runs before the release's own Secret exists, so without
an existingSecret the Job gets its own hook Secret, created just before it and deleted after it succeeded.
*/}}
{{- define "gongkai.migrationSecretName" -}}
{{- if .Values.secrets.existingSecret -}}
{{- .Values.secrets.existingSecret -}}
{{- else -}}
{{- printf "%s-migrate" (include "gongkai.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/*
Image of a service. Call with (dict "root" $ "svc" $svc).
*/}}
{{- define "gongkai.image" -}}
{{- $tag := .svc.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if .root.Values.image.registry -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .svc.image.repository (toString $tag) -}}
{{- else -}}
{{- printf "%s:%s" .svc.image.repository (toString $tag) -}}
{{- end -}}
{{- end -}}

{{/*
In-cluster base URL of a service key. Call with (dict "root" $ "key" "tenants").
*/}}
{{- define "gongkai.serviceUrl" -}}
{{- $svc := index .root.Values.services .key -}}
{{- printf "%s://%s:%v" (include "gongkai.scheme" .root | lower) (include "gongkai.componentFullname" (dict "root" .root "component" (include "gongkai.componentName" .key))) $svc.port -}}
{{- end -}}

{{/*
Refuse configurations that would put a credential into the ConfigMap.
*/}}
{{- define "gongkai.validate" -}}
{{- if regexMatch "(?i)password=" .Values.database.url -}}
{{- fail "database.url must not carry a password: put it into the Secret (secrets.dbPassword or secrets.existingSecret)" -}}
{{- end -}}
{{- if and (contains "@" .Values.redis.url) (not .Values.redis.urlInSecret) -}}
{{- fail "redis.url carries credentials: set redis.urlInSecret=true and put the URL into the Secret (secrets.redisUrl or key secrets.keys.redisUrl of secrets.existingSecret)" -}}
{{- end -}}
{{- end -}}

{{/*
The non-secret environment shared by every service and the migration Job, as a map.
*/}}
{{- define "gongkai.configEnv" -}}
GONGKAI_DB_URL: {{ .Values.database.url | quote }}
GONGKAI_DB_USER: {{ .Values.database.user | quote }}
GONGKAI_DB_APP_USER: {{ .Values.database.appUser | quote }}
{{- if not .Values.redis.urlInSecret }}
GONGKAI_REDIS_URL: {{ .Values.redis.url | quote }}
{{- end }}
GONGKAI_KEYCLOAK_URL: {{ .Values.keycloak.url | quote }}
GONGKAI_TENANTS_URL: {{ include "gongkai.serviceUrl" (dict "root" . "key" "tenants") | quote }}
GONGKAI_REPORTS_URL: {{ include "gongkai.serviceUrl" (dict "root" . "key" "reports") | quote }}
GONGKAI_PUBLISHING_URL: {{ include "gongkai.serviceUrl" (dict "root" . "key" "publishing") | quote }}
MANAGEMENT_TRACING_SAMPLING_PROBABILITY: {{ .Values.tracing.samplingProbability | toString | quote }}
{{- with .Values.tracing.otlpEndpoint }}
GONGKAI_OTLP_TRACES_ENDPOINT: {{ . | quote }}
{{- end }}
JAVA_TOOL_OPTIONS: {{ .Values.javaToolOptions | quote }}
{{- range $k, $v := .Values.extraEnv }}
{{ $k }}: {{ $v | toString | quote }}
{{- end }}
{{- end -}}

{{/*
Secret environment of one component, as a list of env entries.
Call with (dict "root" $ "key" "tenants" "svc" $svc "secretName" "...").
*/}}
{{- define "gongkai.secretEnv" -}}
{{- $keys := .root.Values.secrets.keys -}}
{{- /* The owner's password to tenants (and the Job) only; every database user gets the DML role's. */}}
{{- if and .svc.usesDatabase (eq .key "tenants") }}
- name: GONGKAI_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ $keys.dbPassword }}
{{- end }}
{{- if .svc.usesDatabase }}
- name: GONGKAI_DB_APP_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ $keys.dbAppPassword }}
{{- end }}
{{- if .root.Values.redis.urlInSecret }}
- name: GONGKAI_REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ $keys.redisUrl }}
{{- end }}
{{- if eq .key "tenants" }}
- name: GONGKAI_PROVISIONER_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ $keys.provisionerSecret }}
{{- end }}
{{- if eq .key "tenantAdmin" }}
- name: GONGKAI_CONSOLE_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ $keys.consoleClientSecret }}
{{- end }}
{{- /* Optional: without the key the service keeps the demo's key, which the production profile refuses. */}}
{{- if eq .key "tenants" }}
- name: GONGKAI_BACKUP_MAC_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ $keys.backupMacKey }}
      optional: true
{{- end }}
{{- if eq .key "reports" }}
- name: GONGKAI_AUDIT_CHECKPOINT_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ $keys.auditCheckpointKey }}
      optional: true
{{- end }}
{{- end -}}

{{/*
Pod security context, /tmp volume, scheduling: shared by Deployments and the Job.
*/}}
{{- define "gongkai.podScheduling" -}}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/*
Data of a chart-created Secret (used by the release's Secret and by the migration Job's hook Secret).
*/}}
{{- define "gongkai.secretData" -}}
{{- $keys := .Values.secrets.keys -}}
{{ $keys.dbPassword }}: {{ .Values.secrets.dbPassword | default "" | b64enc | quote }}
{{ $keys.dbAppPassword }}: {{ .Values.secrets.dbAppPassword | default "" | b64enc | quote }}
{{- if .Values.redis.urlInSecret }}
{{ $keys.redisUrl }}: {{ required "redis.urlInSecret needs secrets.redisUrl (or secrets.existingSecret)" .Values.secrets.redisUrl | b64enc | quote }}
{{- end }}
{{ $keys.provisionerSecret }}: {{ .Values.secrets.provisionerSecret | default "" | b64enc | quote }}
{{ $keys.consoleClientSecret }}: {{ .Values.secrets.consoleClientSecret | default "" | b64enc | quote }}
{{- with .Values.secrets.backupMacKey }}
{{ $keys.backupMacKey }}: {{ . | b64enc | quote }}
{{- end }}
{{- with .Values.secrets.auditCheckpointKey }}
{{ $keys.auditCheckpointKey }}: {{ . | b64enc | quote }}
{{- end }}
{{- end -}}

{{/*
Fails the render when the production profile is set and a chart-created Secret would hold one of the demo's public
secrets (the realm's demo client secrets, or a value marked demo-only); the services refuse them at start too.
*/}}
{{- define "gongkai.refuseDemoSecrets" -}}
{{- if and (contains "production" (toString (index .Values.extraEnv "SPRING_PROFILES_ACTIVE" | default ""))) (not .Values.secrets.existingSecret) }}
{{- range $k := list "provisionerSecret" "consoleClientSecret" "backupMacKey" "auditCheckpointKey" "dbAppPassword" }}
{{- $v := toString (index $.Values.secrets $k | default "") }}
{{- if or (has $v (list "provisioner-secret" "console-secret")) (hasPrefix "demo-only-" $v) }}
{{- fail (printf "secrets.%s holds the demo's public value, and the production profile is set: use a real secret (or secrets.existingSecret)" $k) }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
HTTP or HTTPS: the scheme every service serves and is called with (internalTls).
*/}}
{{- define "gongkai.scheme" -}}
{{- if .Values.internalTls.enabled -}}HTTPS{{- else -}}HTTP{{- end -}}
{{- end -}}

{{/*
The environment that makes a service serve and call HTTPS (internalTls): one SSL bundle "internal" from the mounted
Secret, presented by the server and trusted by every client built from Boot's RestClient.Builder. The same
properties as InternalTlsTest (services/tenants) runs with.
*/}}
{{- define "gongkai.tlsEnv" -}}
{{- if .Values.internalTls.enabled }}
{{- $dir := .Values.internalTls.mountPath }}
- name: SERVER_SSL_BUNDLE
  value: internal
- name: SPRING_SSL_BUNDLE_PEM_INTERNAL_KEYSTORE_CERTIFICATE
  value: {{ printf "file:%s/tls.crt" $dir | quote }}
- name: SPRING_SSL_BUNDLE_PEM_INTERNAL_KEYSTORE_PRIVATEKEY
  value: {{ printf "file:%s/tls.key" $dir | quote }}
- name: SPRING_SSL_BUNDLE_PEM_INTERNAL_TRUSTSTORE_CERTIFICATE
  value: {{ printf "file:%s/ca.crt" $dir | quote }}
- name: SPRING_SSL_BUNDLE_PEM_INTERNAL_RELOADONUPDATE
  value: "true"
- name: SPRING_HTTP_CLIENTS_SSL_BUNDLE
  value: internal
{{- end }}
{{- end -}}
