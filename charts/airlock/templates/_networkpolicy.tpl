{{/* Rule fragments of the system namespace NetworkPolicies. */}}
{{- define "airlock.np.dns" -}}
- to:
    - namespaceSelector:
        matchLabels:
          {{- toYaml .Values.sandbox.dns.namespaceLabels | nindent 10 }}
      podSelector:
        matchLabels:
          {{- toYaml .Values.sandbox.dns.podLabels | nindent 10 }}
  ports:
    - {protocol: UDP, port: 53}
    - {protocol: TCP, port: 53}
{{- end }}
{{- define "airlock.np.apiServer" -}}
{{- $np := .Values.networkPolicy -}}
- {{- if $np.apiServerCidrs }}
  to:
    {{- range $np.apiServerCidrs }}
    - ipBlock: {cidr: {{ . }}}
    {{- end }}
  {{- end }}
  ports:
    {{- range $np.apiServerPorts }}
    - {protocol: TCP, port: {{ . }}}
    {{- end }}
{{- end }}
{{- define "airlock.np.metricsFrom" -}}
- from:
    - namespaceSelector:
        matchLabels:
          {{- toYaml .root.Values.networkPolicy.metricsFromNamespaceLabels | nindent 10 }}
  ports:
    - {protocol: TCP, port: {{ .port }}}
{{- end }}
{{- define "airlock.np.internet" -}}
- to:
    - ipBlock:
        cidr: 0.0.0.0/0
        except:
          {{- toYaml .Values.networkPolicy.internetExceptCidrs | nindent 10 }}
  ports:
    - {protocol: TCP, port: 443}
{{- end }}
