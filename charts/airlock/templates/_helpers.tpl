{{/* Labels every object carries. */}}
{{- define "airlock.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/part-of: airlock
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Labels of one component: airlock.componentLabels (dict "root" $ "component" "gateway"). */}}
{{- define "airlock.componentLabels" -}}
{{ include "airlock.labels" .root }}
{{ include "airlock.selectorLabels" . }}
{{- end }}

{{/* Pod selector of one component. app.kubernetes.io/name is what the operator's sandbox NetworkPolicies select. */}}
{{- define "airlock.selectorLabels" -}}
app.kubernetes.io/name: airlock-{{ .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* image reference of a component: airlock.image (dict "root" $ "image" .Values.gateway.image). */}}
{{- define "airlock.image" -}}
{{- $global := .root.Values.image -}}
{{- $repository := default $global.repository .image.repository -}}
{{- $digest := default $global.digest .image.digest -}}
{{- $tag := default (default .root.Chart.AppVersion $global.tag) .image.tag -}}
{{- if $digest -}}
{{ $repository }}@{{ $digest }}
{{- else -}}
{{ $repository }}:{{ $tag }}
{{- end -}}
{{- end }}

{{/* Pod-level hardening shared by every workload. */}}
{{- define "airlock.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Container-level hardening shared by every container. */}}
{{- define "airlock.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Anti-affinity spreading a component's replicas over nodes: airlock.antiAffinity (dict "component" "gateway" "mode" "soft" "affinity" .Values.gateway.affinity). */}}
{{- define "airlock.affinity" -}}
{{- if .affinity -}}
{{ toYaml .affinity }}
{{- else if eq .mode "hard" -}}
podAntiAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    - topologyKey: kubernetes.io/hostname
      labelSelector:
        matchLabels:
          {{- include "airlock.selectorLabels" . | nindent 10 }}
{{- else -}}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "airlock.selectorLabels" . | nindent 12 }}
{{- end -}}
{{- end }}

{{/* Scheduling fields of a pod spec shared by every component. */}}
{{- define "airlock.scheduling" -}}
{{- $c := .values -}}
affinity:
  {{- include "airlock.affinity" (dict "component" .component "mode" $c.podAntiAffinity "affinity" $c.affinity) | nindent 2 }}
{{- with $c.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $c.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $c.topologySpreadConstraints }}
topologySpreadConstraints:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $c.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- with .root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* Fails when a component would run several replicas on single-replica stores. */}}
{{- define "airlock.checkStores" -}}
{{- $c := .values -}}
{{- $scaled := or (gt (int $c.replicas) 1) $c.autoscaling.enabled -}}
{{- if and $scaled (eq .root.Values.stores.audit.type "sqlite") -}}
{{- fail (printf "%s: more than one replica needs stores.audit.type=postgres (an SQLite file has one writer)" .component) -}}
{{- end -}}
{{- if and $scaled .sharedLimits (eq .root.Values.stores.limits.type "memory") -}}
{{- fail (printf "%s: more than one replica needs stores.limits.type=redis (in-memory counters are per replica)" .component) -}}
{{- end -}}
{{- end }}

{{/* The webhook Service's DNS name. */}}
{{- define "airlock.webhookHost" -}}
airlock-webhook.{{ .Release.Namespace }}.svc
{{- end }}
