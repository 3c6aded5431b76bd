{{/*
The gateway and the egress proxy share one shape: Deployment, Service, optional PVC (SQLite audit), PDB and HPA.
airlock.workload (dict "root" $ "component" "gateway" "values" .Values.gateway "portName" "http"
  "args" "<yaml list>" "sharedLimits" true "extraVolumes" "<yaml>" "extraMounts" "<yaml>")
The arguments and environment are exactly what `airlock gateway|egress --help` documents; the install tests run the
built CLI with every rendered container's arguments and `--check-config` so the two cannot drift.
*/}}

{{/* Audit store arguments of both components: airlock.workload.auditArgs $. Store URLs come from Secrets via the environment. */}}
{{- define "airlock.workload.auditArgs" -}}
- --audit-store={{ .Values.stores.audit.type }}
{{- if eq .Values.stores.audit.type "sqlite" }}
- --state-dir=/var/lib/airlock
- --audit-durability={{ .Values.stores.audit.sqlite.durability }}
{{- end }}
{{- with .Values.stores.audit.retention }}
- --audit-retention={{ . }}
{{- end }}
{{- end }}

{{/* Environment of both components: airlock.workload.env (dict "root" $ "sharedLimits" bool). Secret values only, never in args. */}}
{{- define "airlock.workload.env" -}}
- name: DOTNET_EnableDiagnostics
  value: "0"
{{- if eq .root.Values.stores.audit.type "postgres" }}
- name: AIRLOCK_AUDIT_POSTGRES_URL
  valueFrom:
    secretKeyRef:
      name: {{ required "stores.audit.postgres.urlSecret.name is required when stores.audit.type is postgres" .root.Values.stores.audit.postgres.urlSecret.name }}
      key: {{ .root.Values.stores.audit.postgres.urlSecret.key }}
{{- end }}
{{- if and .sharedLimits (eq .root.Values.stores.limits.type "redis") }}
- name: AIRLOCK_LIMITS_REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ required "stores.limits.redis.urlSecret.name is required when stores.limits.type is redis" .root.Values.stores.limits.redis.urlSecret.name }}
      key: {{ .root.Values.stores.limits.redis.urlSecret.key }}
{{- end }}
{{- end }}
{{- define "airlock.workload" -}}
{{- $root := .root -}}
{{- $c := .values -}}
{{- $name := printf "airlock-%s" .component -}}
{{- $sqlite := eq $root.Values.stores.audit.type "sqlite" -}}
{{- include "airlock.checkStores" . -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "airlock.componentLabels" (dict "root" $root "component" .component) | nindent 4 }}
spec:
  {{- if not $c.autoscaling.enabled }}
  replicas: {{ $c.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "airlock.selectorLabels" . | nindent 6 }}
  strategy:
    {{- if $sqlite }}
    # The SQLite volume has one writer: the old pod stops before the new one starts.
    type: Recreate
    {{- else }}
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
    {{- end }}
  template:
    metadata:
      labels:
        {{- include "airlock.componentLabels" (dict "root" $root "component" .component) | nindent 8 }}
      {{- with $c.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      serviceAccountName: {{ $name }}
      automountServiceAccountToken: true
      enableServiceLinks: false
      terminationGracePeriodSeconds: 30
      securityContext:
        {{- include "airlock.podSecurityContext" $root | nindent 8 }}
      {{- include "airlock.scheduling" . | nindent 6 }}
      containers:
        - name: {{ .component }}
          image: {{ include "airlock.image" (dict "root" $root "image" $c.image) }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          args:
            - {{ .component }}
            - --listen=:{{ $c.port }}
            - --metrics-addr=:{{ $c.metricsPort }}
            - --log-level={{ $c.logLevel }}
            {{- include "airlock.workload.auditArgs" $root | nindent 12 }}
            {{- with .args }}
            {{- . | nindent 12 }}
            {{- end }}
            {{- with $c.extraArgs }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          env:
            {{- include "airlock.workload.env" (dict "root" $root "sharedLimits" .sharedLimits) | nindent 12 }}
          ports:
            - name: {{ .portName }}
              containerPort: {{ $c.port }}
              protocol: TCP
            - name: metrics
              containerPort: {{ $c.metricsPort }}
              protocol: TCP
          startupProbe:
            httpGet: {path: /healthz, port: metrics}
            periodSeconds: 2
            failureThreshold: 30
          livenessProbe:
            httpGet: {path: /healthz, port: metrics}
            periodSeconds: 10
            timeoutSeconds: 2
            failureThreshold: 3
          readinessProbe:
            httpGet: {path: /readyz, port: metrics}
            periodSeconds: 5
            timeoutSeconds: 2
            failureThreshold: 3
          resources:
            {{- toYaml $c.resources | nindent 12 }}
          securityContext:
            {{- include "airlock.containerSecurityContext" $root | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- if $sqlite }}
            - name: audit
              mountPath: /var/lib/airlock
            {{- end }}
            {{- with .extraMounts }}
            {{- . | nindent 12 }}
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
        {{- if $sqlite }}
        - name: audit
          persistentVolumeClaim:
            claimName: {{ $name }}-audit
        {{- end }}
        {{- with .extraVolumes }}
        {{- . | nindent 8 }}
        {{- end }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $name }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "airlock.componentLabels" (dict "root" $root "component" .component) | nindent 4 }}
    airlock.dev/metrics: "true"
spec:
  type: {{ $c.service.type }}
  selector:
    {{- include "airlock.selectorLabels" . | nindent 4 }}
  ports:
    - name: {{ .portName }}
      port: {{ $c.service.port }}
      targetPort: {{ .portName }}
      protocol: TCP
    - name: metrics
      port: {{ $c.metricsPort }}
      targetPort: metrics
      protocol: TCP
{{- if $sqlite }}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: {{ $name }}-audit
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "airlock.componentLabels" (dict "root" $root "component" .component) | nindent 4 }}
  annotations:
    # The audit log outlives an uninstall; delete the claim by hand when it is no longer needed.
    helm.sh/resource-policy: keep
spec:
  accessModes:
    {{- toYaml $root.Values.stores.audit.sqlite.accessModes | nindent 4 }}
  {{- with $root.Values.stores.audit.sqlite.storageClassName }}
  storageClassName: {{ . }}
  {{- end }}
  resources:
    requests:
      storage: {{ $root.Values.stores.audit.sqlite.size }}
{{- end }}
{{- if and $c.podDisruptionBudget.enabled (or (gt (int $c.replicas) 1) $c.autoscaling.enabled) }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ $name }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "airlock.componentLabels" (dict "root" $root "component" .component) | nindent 4 }}
spec:
  maxUnavailable: {{ $c.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "airlock.selectorLabels" . | nindent 6 }}
{{- end }}
{{- if $c.autoscaling.enabled }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ $name }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "airlock.componentLabels" (dict "root" $root "component" .component) | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ $name }}
  minReplicas: {{ $c.autoscaling.minReplicas }}
  maxReplicas: {{ $c.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $c.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}
{{- end }}
